package org.redstation.duty;

/** Staff alerts about the rota; stored by name in {@code duty_alert.kind} (unique per kind and shift). */
enum AlertKind {
    UNDERSTAFFED("班次缺人");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
