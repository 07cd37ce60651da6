package org.anzexian.platform.engine.gate;

/** Why the gate refuses part of a deployment, for the process owner in Chinese and in English. */
record Reason(String zh, String en) {

    /** The reason at a place: {@code resource · element：中文（English）}. */
    String at(String resource, String element) {
        String where = element == null || element.isEmpty() ? resource : resource + " · " + element;
        return where + "：" + zh + "（" + en + "）";
    }
}
