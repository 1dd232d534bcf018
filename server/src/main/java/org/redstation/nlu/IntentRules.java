package org.redstation.nlu;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intent of a normalised message, by ordered rules: the first that holds wins. Problems come first so that
 * "我家电动车充电桩坏了" reaches staff instead of the 充电 answer; then member commands, a person, bookings,
 * duty, hours, what a station offers, where a station is; then what the slots alone suggest; else UNKNOWN.
 */
final class IntentRules {
    static final Pattern PROBLEM = Pattern.compile("坏了|坏掉|坏的|损坏|漏水|漏电|着火|失火|冒烟|摔倒|摔了|跌倒|晕倒|昏倒"
            + "|救命|求助|求救|帮帮我|帮帮忙|报修|维修|修一下|修修|投诉|举报|没人管|(?<!管)不管|扰民|噪音|太吵|吵得|吵死"
            + "|堵了|堵住|被偷|偷了|被骗|骗子|诈骗|打架|吵架|欺负|出事|危险|受伤|不通|乱停|乱扔|乱堆|臭|不亮|急事|紧急"
            + "|报警|生病|不舒服|难受|走丢|丢了|不见了|没人理|没人回|没人接|反映|反应个?问题|有个问题|提个?意见|建议");
    static final Pattern CHECK_OUT = Pattern.compile("签退|签出|值完班|值班结束|结束值班|打卡下班|下班打卡|下岗打卡");
    static final Pattern CHECK_IN = Pattern.compile("签到|打卡|到岗|上岗|开始值班|来值班了|到了.{0,2}值班|值班报到|报到值班");
    static final Pattern PERSON = Pattern.compile("人工|真人|客服|工作人员|找个?人|找(社区|书记|主任|网格员|居委会)|跟人说|和人说"
            + "|联系.{0,3}(社区|网格员|工作人员|居委会)|(社区|网格员|居委会)的?电话|^(在吗)?有人吗$|^有没有人$|听不懂|不想(跟|和)机器"
            + "|社区的人|回个?电话|打电话给我");
    static final Pattern CANCEL = Pattern.compile("取消|不去了|去不了|来不了|退掉|退订|撤销|不约了|不想约了|改约|改时间|改期|约错了");
    static final Pattern WHO_ON_DUTY = Pattern.compile("谁.{0,6}(值班|值守|坐班|当班|轮值)|谁在?上班|值班的?人?员?(是谁|有谁|有哪些|是哪|都有)"
            + "|哪个(单位|党员|支部)在?值班|谁在(驿站|那|里面)|(驿站|那里|那边|那儿).{0,6}有(没有)?人|值班表|有人值班|有没有人值班");
    static final Pattern MY_SHIFTS = Pattern.compile("我的(值班|排班|班次|轮值|班)|我.{0,6}(值班|排班|轮值)|我.{0,6}值.{0,3}班|值班安排|排班表|我报的班|我认领的班");
    static final Pattern MY_BOOKINGS = Pattern.compile("我的预约|我们?都?(预约|约|订)(了|的|过)|查.{0,3}预约|预约(记录|情况|成功|上了|好了没|了吗|了没)"
            + "|约上了吗|约成功|我(有|有没有)预约|我.{0,6}的预约");
    static final Pattern BOOK = Pattern.compile("预约|预定|预订|约个|约一下|想约|能约|可以约|要约|约(明天|后天|今天|周|下周|星期)|挂个?号|报名"
            + "|排个?号|占个?位|订(个|一个)?(位|座)|登记|抢号");
    static final Pattern HOURS = Pattern.compile("几点(开|关|下班|上班|到几点)|开门|关门|开放|营业|上班时间|下班|开着|还开|开没开|开不开"
            + "|时间表|几点到几点|什么时候(开|关|有人|上班)|开到几点|关没关|几点钟?(可以|能)?去|什么时间(开|去|有人)"
            + "|(周末|晚上|今天|明天|后天|星期.|周.)(开|关|休息|上班)(吗|不|没)?|休息吗|放假|节假日|(开|关)(吗|不|没)|几点开始"
            + "|(晚上|周末|今天|明天|现在).{0,2}有人(吗|没|不)");
    static final Pattern SERVICE_LIST = Pattern.compile("(有|提供|能办|可以办|能做|可以做|办理?|能干|干)些?(什么|哪些)|服务(项目|清单|内容)"
            + "|什么服务|哪些服务|都有什么|能帮我?(做|干|办)?什么");
    static final Pattern WHERE = Pattern.compile("附近|最近|离我|身边|周边|就近|家门口|哪里|哪有|在哪|怎么走|怎么去|地址|位置|导航|路线"
            + "|多远|坐几路|找驿站|驿站电话|电话是?多少|联系方式|去哪|到哪");
    static final Pattern SERVICE_QUESTION = Pattern.compile("能|可以|有没有|吗|行不行|管不管|办不办|要带|需要|办理|怎么办|怎么弄|流程"
            + "|手续|材料|在不在|申请|怎么");
    static final Pattern HELP = Pattern.compile("^(你好|您好|在吗|在不在|hi|hello|哈喽|嗨|早上好|上午好|中午好|下午好|晚上好|帮助|菜单"
            + "|help|谢谢|多谢|谢了|好的|ok|收到|再见|拜拜)+$|你(能|会|可以)(干|做|帮)?(什么|我什么)|怎么用|不会用|有什么功能|你是谁|使用说明");
    /** Asked of a station without a known service: "驿站有老花镜没", "驿站能不能帮忙打印". */
    static final Pattern CAN_IT = Pattern.compile("能不能|可不可以|可以|能|有没有|有.{1,6}(吗|没)");
    static final Pattern HAS_STATION = Pattern.compile("有(红色)?驿站");
    /** Cuts of power or water, read from whole tokens rather than substrings. */
    static final Set<String> PROBLEM_TOKENS = Set.of("停电", "停水", "断电", "断水", "停气");
    /** "停电动车" is parking an e-bike, but HanLP splits it 停电/动车 (its core dictionary outweighs our 电动车). */
    static final Pattern NOT_A_PROBLEM = Pattern.compile("停电动车|停电瓶车");
    /** "我的预约取消了没" asks about a booking, it does not cancel one. */
    static final Pattern BOOKING_STATUS = Pattern.compile("(取消|约上|成功)了(没|吗|没有)$");
    /** Questions about the bot itself, before "能干什么" reads as a station's services. */
    static final Pattern ABOUT_BOT = Pattern.compile("^(你好|您好)?你(能|会|可以)(干|做|帮)?我?(什么|做什么)|你是谁|怎么用|不会用"
            + "|有什么功能|使用说明");
    static final Pattern NEAR_ME = Pattern.compile("附近|最近|离我|身边|周边|就近|家门口|我这(里|边|儿)|我家(旁边|边上|周围|楼下)");

    private IntentRules() {
    }

    /** The intent and its confidence. */
    record Decision(Intent intent, double confidence) {
    }

    static Decision decide(String t, List<String> tokens, Gazetteer.Service service, Place place, When when) {
        if (t.isEmpty()) {
            return new Decision(Intent.UNKNOWN, 0.0);
        }
        if (tokens.stream().anyMatch(PROBLEM_TOKENS::contains) && !NOT_A_PROBLEM.matcher(t).find()) {
            return new Decision(Intent.REPORT_PROBLEM, 0.9);
        }
        boolean aboutStation = place != null || tokens.contains("驿站");
        Intent cue = cue(t);
        if (cue != null) {
            return new Decision(cue, 0.9);
        }
        if (service != null && when != null && !when.now()) {
            return new Decision(Intent.BOOK_SLOT, 0.75);
        }
        if (service != null && SERVICE_QUESTION.matcher(t).find()) {
            return new Decision(Intent.STATION_SERVICES, 0.8);
        }
        if (service == null && aboutStation && when != null && CAN_IT.matcher(t).find()) {
            return new Decision(Intent.OPENING_HOURS, 0.7);
        }
        if (service == null && aboutStation && CAN_IT.matcher(t).find() && !HAS_STATION.matcher(t).find()) {
            return new Decision(Intent.STATION_SERVICES, 0.6);
        }
        if (HELP.matcher(t).find()) {
            return new Decision(Intent.HELP, 0.9);
        }
        if (service != null) {
            return new Decision(place == null ? Intent.FIND_STATION : Intent.STATION_SERVICES, 0.6);
        }
        if (aboutStation) {
            return new Decision(Intent.FIND_STATION, 0.6);
        }
        return new Decision(Intent.UNKNOWN, 0.2);
    }

    private static Intent cue(String t) {
        if (PROBLEM.matcher(t).find()) {
            return Intent.REPORT_PROBLEM;
        }
        if (CHECK_OUT.matcher(t).find()) {
            return Intent.MEMBER_CHECK_OUT;
        }
        if (CHECK_IN.matcher(t).find()) {
            return Intent.MEMBER_CHECK_IN;
        }
        if (PERSON.matcher(t).find()) {
            return Intent.TALK_TO_PERSON;
        }
        if (BOOKING_STATUS.matcher(t).find()) {
            return Intent.MY_BOOKINGS;
        }
        if (CANCEL.matcher(t).find()) {
            return Intent.CANCEL_BOOKING;
        }
        if (WHO_ON_DUTY.matcher(t).find()) {
            return Intent.WHO_ON_DUTY;
        }
        if (MY_SHIFTS.matcher(t).find()) {
            return Intent.MY_SHIFTS;
        }
        if (MY_BOOKINGS.matcher(t).find()) {
            return Intent.MY_BOOKINGS;
        }
        if (BOOK.matcher(t).find()) {
            return Intent.BOOK_SLOT;
        }
        if (HOURS.matcher(t).find()) {
            return Intent.OPENING_HOURS;
        }
        if (ABOUT_BOT.matcher(t).find()) {
            return Intent.HELP;
        }
        if (SERVICE_LIST.matcher(t).find()) {
            return Intent.STATION_SERVICES;
        }
        if (WHERE.matcher(t).find()) {
            return Intent.FIND_STATION;
        }
        return null;
    }
}
