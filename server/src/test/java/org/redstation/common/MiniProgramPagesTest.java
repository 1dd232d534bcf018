package org.redstation.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniProgramPagesTest {
    @Test
    void everyPageTheServerLinksToExistsInTheMiniProgram() throws Exception {
        JsonNode app = new ObjectMapper().readTree(Files.readString(Path.of("../miniprogram/miniprogram/app.json")));
        List<String> pages = new ArrayList<>();
        app.get("pages").forEach(p -> pages.add(p.asText()));
        for (Field f : MiniProgramPages.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertThat(pages).as(f.getName()).contains((String) f.get(null));
            }
        }
    }
}
