package org.redstation.nlu;

/** The demo district of sql/demo/R__demo_10_stations.sql, as the chat module will hand it over. */
final class DemoGazetteer {
    private DemoGazetteer() {
    }

    static Gazetteer build() {
        Gazetteer.Builder b = Gazetteer.builder();
        String[] services = {"免费手机充电", "报刊阅读", "爱心雨具", "医药箱", "微波炉加热", "饮用热水", "电视观看", "座椅遮阳歇脚",
            "水电代办代缴", "老年公交充值", "老年优待证办理", "政策咨询", "事务代办", "法律援助", "义诊与健康咨询", "物业问题解答",
            "三方联动议事", "矛盾调处", "四点半课堂", "老年人活动室", "图书阅读", "复称", "晚间一小时", "红色周末", "党员活动室"};
        for (int i = 0; i < services.length; i++) {
            b.service(i + 1L, services[i]);
        }
        String[] communities = {"大石桥社区", "陈营社区", "春园社区", "园林社区", "中车社区", "官庄社区", "谢洼社区", "车城湖社区",
            "五月花社区", "鼎府社区", "车城社区", "东风社区"};
        for (int i = 0; i < communities.length; i++) {
            b.community(i + 1L, communities[i]);
        }
        return b.station(1, "大石桥社区红色驿站", "DSQ01", 1)
                .station(2, "陈营社区·五洲医院红色驿站", "CYG01", 2)
                .station(3, "春园社区红色驿站", "CY01", 3)
                .station(4, "园林社区·齐星小区红色驿站", "YL01", 4)
                .station(5, "中车社区红色驿站", "ZC01", 5)
                .station(6, "官庄社区红色驿站", "GZ01", 6)
                .station(7, "谢洼社区·农贸市场红色驿站", "XW01", 7)
                .station(8, "车城湖社区·东湖国际花园红色驿站", "CCH01", 8)
                .station(9, "五月花社区红色驿站", "WYH01", 9)
                .station(10, "鼎府社区·华宇苑红色驿站", "DF01", 10)
                .station(11, "车城社区·富康商业街红色驿站", "CC01", 11)
                .station(12, "东风社区·龙轩苑红色驿站", "DFS01", 12)
                .build();
    }
}
