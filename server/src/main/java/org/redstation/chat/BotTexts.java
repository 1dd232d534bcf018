package org.redstation.chat;

/** Fixed texts of the bot. Only features that exist are advertised (no 微心愿 until it is built). */
final class BotTexts {
    static final String WELCOME = "欢迎关注红色驿站！这里是您身边的“党群服务站”。\n"
            + "· 发送位置或“附近驿站”：找最近的驿站\n· 发送驿站名称：看服务、开放情况和值班\n· “预约”：预约驿站服务；“我的预约”\n"
            + "· 党员：“签到”“签退”“我的值班”\n其他问题直接留言，社区工作人员会通过本公众号回复您。";
    static final String CONTACT = "请直接发送您的问题或诉求，我们会转给您所在社区的工作人员，工作人员会通过本公众号回复您。";
    static final String UNSUPPORTED = "暂时不支持这种消息，请发送文字或位置。回复“帮助”查看我能做什么。";
    static final String SEND_LOCATION = "请点击输入框旁的“+”，选择“位置”发送您的位置，我来为您找最近的红色驿站。";

    private BotTexts() {
    }
}
