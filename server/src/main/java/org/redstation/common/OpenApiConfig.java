package org.redstation.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    @Bean
    OpenAPI redStationOpenApi() {
        return new OpenAPI()
                .info(new Info().title("红色驿站 Red Station API").version("v1")
                        .description("小程序接口需要 Authorization: Bearer <token>（POST /api/auth/login 获取）；"
                                + "工作人员接口使用 POST /api/staff/auth/login 的令牌。错误格式：{code, message, field, requestId}。"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
