-- Demo: default keyword rules of the official-account bot (editable through /api/staff/chat/rules).
-- Idempotent: fixed ids, re-applied whenever this file changes. Only features that exist are advertised:
-- the former rule 3 (微心愿, not built yet) is removed.

DELETE FROM chat_rule WHERE id = 3 AND updated_by = 'demo';

INSERT INTO chat_rule (id, community_id, match_type, pattern, reply, priority, enabled, updated_by, created_at, updated_at) VALUES
  (1, NULL, 'EXACT', '帮助', '您好！我是红色驿站小助手，可以这样问我：\n· 发送位置或“附近驿站”：找最近的驿站\n· 发送驿站名称（如“春园”）：看驿站服务和值班\n· “预约”：预约驿站服务\n· “我的预约”：查看预约\n· 党员：“签到”“签退”“我的值班”\n其他问题直接留言，社区工作人员会尽快回复您。', 100, 1, 'demo', NOW(3), NOW(3)),
  (2, NULL, 'EXACT', '菜单', '请点击下方菜单，或回复“帮助”查看可以问我的问题。', 100, 1, 'demo', NOW(3), NOW(3)),
  (4, NULL, 'CONTAINS', '开放时间', '驿站一般工作日 9:00-18:00 开放，晚间一小时和周末“红色周末”照常服务；具体以各驿站公示为准，回复驿站名称可查看。', 40, 1, 'demo', NOW(3), NOW(3)),
  (5, NULL, 'REGEX', '(wifi|无线网|上网).*', '驿站提供免费无线网络，名称和密码贴在驿站服务台旁。', 30, 1, 'demo', NOW(3), NOW(3)),
  (6, NULL, 'CONTAINS', '充电', '各红色驿站都可以免费给手机、电动车电瓶充电，欢迎来歇脚。', 30, 1, 'demo', NOW(3), NOW(3))
ON DUPLICATE KEY UPDATE community_id = VALUES(community_id), match_type = VALUES(match_type), pattern = VALUES(pattern),
  reply = VALUES(reply), priority = VALUES(priority), enabled = VALUES(enabled);
