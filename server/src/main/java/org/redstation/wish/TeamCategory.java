package org.redstation.wish;

/** The fields of volunteer teams (志愿服务队) the district names. */
enum TeamCategory {
    CIVILISATION("文明创建"), ENVIRONMENT("环境整治"), PATROL("治安巡逻"), LEGAL_AID("法律援助"),
    CULTURE_SPORTS("文化体育"), MEDICAL("医疗保健");

    private final String label;

    TeamCategory(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
