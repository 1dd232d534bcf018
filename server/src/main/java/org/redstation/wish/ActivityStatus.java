package org.redstation.wish;

enum ActivityStatus {
    OPEN("报名中"), CANCELLED("已取消");

    private final String label;

    ActivityStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
