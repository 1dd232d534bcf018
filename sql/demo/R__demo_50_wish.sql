-- Demo: needs and micro-wishes in every state, service projects, volunteer teams and activities, so the figures API
-- and the monthly 民情 report have something to show. 东风社区 (12) holds a fixed set the tests count on
-- (WishFiguresIT); 春园社区 (3) has one open and one finished item. Fixed dates (October/November 2025).
-- Ids from 9001 so they never meet rows made by people. Idempotent.

-- demo users (residents and volunteers), app_user belongs to auth: demo seed only
INSERT INTO app_user (id, openid, nickname, roles, created_at) VALUES
  (9101, 'demo-wish-9101', '周律师', 'RESIDENT', '2025-09-01 09:00:00'),
  (9102, 'demo-wish-9102', '吴医生', 'RESIDENT', '2025-09-01 09:00:00'),
  (9103, 'demo-wish-9103', '钱护士', 'RESIDENT', '2025-09-01 09:00:00'),
  (9104, 'demo-wish-9104', '东风社区居民甲', 'RESIDENT', '2025-09-01 09:00:00'),
  (9105, 'demo-wish-9105', '春园社区居民乙', 'RESIDENT', '2025-09-01 09:00:00')
ON DUPLICATE KEY UPDATE nickname = VALUES(nickname);

INSERT INTO volunteer_team (id, community_id, name, category, leader_user_id, leader_name, created_at) VALUES
  (9001, 12, '东风社区法律援助志愿服务队', 'LEGAL_AID', 9101, '周律师', '2025-09-01 09:00:00'),
  (9002, 12, '东风医院医疗保健志愿服务队', 'MEDICAL', 9103, '钱护士', '2025-09-01 09:00:00'),
  (9003, 3, '春园社区文明创建志愿服务队', 'CIVILISATION', 9105, '春园社区居民乙', '2025-09-01 09:00:00')
ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category), leader_user_id = VALUES(leader_user_id),
  leader_name = VALUES(leader_name);

INSERT INTO volunteer_member (id, team_id, user_id, name, joined_at) VALUES
  (9001, 9001, 9101, '周律师', '2025-09-01 09:00:00'),
  (9002, 9001, 9102, '吴医生', '2025-09-01 09:00:00'),
  (9003, 9002, 9103, '钱护士', '2025-09-01 09:00:00'),
  (9004, 9002, 9102, '吴医生', '2025-09-01 09:00:00'),
  (9005, 9003, 9105, '春园社区居民乙', '2025-09-01 09:00:00')
ON DUPLICATE KEY UPDATE name = VALUES(name);

INSERT INTO wish_project (id, community_id, title, created_by, created_at) VALUES
  (9001, 3, '铁路游泳池小区适老化改造', 1, '2025-11-06 09:00:00'),
  (9002, 12, '龙轩苑邻里纠纷调处', 1, '2025-10-09 09:00:00')
ON DUPLICATE KEY UPDATE title = VALUES(title);

INSERT INTO wish (id, user_id, community_id, station_id, category, content, may_contact, state, version, photo_count,
                  project_id, merged_into, assignee_kind, assignee_id, assignee_user_id, assignee_name, escalation_level,
                  state_since, dispatched_at, accepted_at, completed_at, closed_at, completion_note, rating, rating_comment,
                  created_at, updated_at) VALUES
  (9001, 9104, 12, 12, 'LEGAL', '想咨询一下房屋租赁合同到期后押金不退怎么办', 1, 'SUBMITTED', 0, 0, NULL, NULL,
   NULL, NULL, NULL, NULL, 0, '2025-10-03 10:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-10-03 10:00:00', '2025-10-03 10:00:00'),
  (9002, 9104, 12, 12, 'MEDICAL', '家里老人血压不稳，希望有医生上门量一量', 1, 'DISPATCHED', 1, 0, NULL, NULL,
   'TEAM', 9002, 9103, '东风医院医疗保健志愿服务队', 0, '2025-10-06 09:00:00', '2025-10-06 09:00:00', NULL, NULL, NULL, NULL, NULL, NULL, '2025-10-05 15:00:00', '2025-10-06 09:00:00'),
  (9003, 9104, 12, 12, 'DISPUTE', '楼上漏水到我家，物业说不归他们管，希望社区调解', 1, 'ACCEPTED', 3, 0, 9002, NULL,
   'TEAM', 9001, 9101, '东风社区法律援助志愿服务队', 0, '2025-10-09 10:00:00', '2025-10-08 16:00:00', '2025-10-09 10:00:00', NULL, NULL, NULL, NULL, NULL, '2025-10-08 14:00:00', '2025-10-09 10:00:00'),
  (9004, 9104, 12, 12, 'LEGAL', '帮忙看看劳动合同里的竞业限制条款', 0, 'COMPLETED', 3, 0, NULL, NULL,
   'TEAM', 9001, 9101, '东风社区法律援助志愿服务队', 0, '2025-10-12 09:00:00', '2025-10-10 12:00:00', '2025-10-10 18:00:00', '2025-10-12 09:00:00', NULL, '已当面讲解条款，并给出书面意见', NULL, NULL, '2025-10-10 09:00:00', '2025-10-12 09:00:00'),
  (9005, 9104, 12, 12, 'DISPUTE', '邻居家狗夜里叫，沟通无果', 1, 'CLOSED', 5, 0, 9002, NULL,
   'TEAM', 9001, 9101, '东风社区法律援助志愿服务队', 0, '2025-10-14 08:00:00', '2025-10-12 10:00:00', '2025-10-12 12:00:00', '2025-10-13 09:00:00', '2025-10-14 08:00:00', '三方联动议事厅调解，双方签订公约', 5, '调解很耐心，问题解决了', '2025-10-12 09:00:00', '2025-10-14 08:00:00'),
  (9006, 9104, 12, 12, 'MEDICAL', '想给孩子约一次视力筛查', 1, 'CLOSED', 4, 0, NULL, NULL,
   'TEAM', 9002, 9103, '东风医院医疗保健志愿服务队', 0, '2025-11-05 10:00:00', '2025-11-02 15:00:00', '2025-11-03 09:00:00', '2025-11-04 21:00:00', '2025-11-05 10:00:00', '红色周末义诊时完成筛查', 3, '等得有点久', '2025-11-02 09:00:00', '2025-11-05 10:00:00'),
  (9007, 9104, 12, 12, 'LEGAL', '押金不退的问题（重复提交）', 0, 'MERGED', 1, 0, NULL, 9001,
   NULL, NULL, NULL, NULL, 0, '2025-10-04 09:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-10-04 08:00:00', '2025-10-04 09:00:00'),
  (9008, 9104, 12, 12, 'CULTURE', '想报名广场舞队', 0, 'CANCELLED', 1, 0, NULL, NULL,
   NULL, NULL, NULL, NULL, 0, '2025-10-21 09:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-10-20 09:00:00', '2025-10-21 09:00:00'),
  (9009, 9105, 3, 3, 'ELDERLY', '楼道里想加装扶手，方便老人上下楼', 1, 'SUBMITTED', 0, 0, NULL, NULL,
   NULL, NULL, NULL, NULL, 0, '2025-11-05 09:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-11-05 09:00:00', '2025-11-05 09:00:00'),
  (9010, 9105, 3, 3, 'REPAIR', '单元门口台阶破损，老人容易摔倒', 1, 'CLOSED', 5, 0, 9001, NULL,
   'TEAM', 9003, 9105, '春园社区文明创建志愿服务队', 0, '2025-11-07 09:00:00', '2025-11-06 10:00:00', '2025-11-06 11:00:00', '2025-11-06 20:00:00', '2025-11-07 09:00:00', '已用水泥修补台阶', 4, '修得很快', '2025-11-06 08:00:00', '2025-11-07 09:00:00')
ON DUPLICATE KEY UPDATE state = VALUES(state), content = VALUES(content), version = VALUES(version),
  project_id = VALUES(project_id), merged_into = VALUES(merged_into), assignee_kind = VALUES(assignee_kind),
  assignee_id = VALUES(assignee_id), assignee_user_id = VALUES(assignee_user_id), assignee_name = VALUES(assignee_name),
  state_since = VALUES(state_since), dispatched_at = VALUES(dispatched_at), accepted_at = VALUES(accepted_at),
  completed_at = VALUES(completed_at), closed_at = VALUES(closed_at), completion_note = VALUES(completion_note),
  rating = VALUES(rating), rating_comment = VALUES(rating_comment), created_at = VALUES(created_at), updated_at = VALUES(updated_at);

-- the timelines (who, when, from -> to)
INSERT INTO wish_event (id, wish_id, action, actor_kind, actor_id, actor_name, from_state, to_state, note, created_at) VALUES
  (9001, 9001, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-10-03 10:00:00'),
  (9002, 9002, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-10-05 15:00:00'),
  (9003, 9002, 'DISPATCH', 'STAFF', 1, '社区工作人员', 'SUBMITTED', 'DISPATCHED', '派给志愿服务队：东风医院医疗保健志愿服务队', '2025-10-06 09:00:00'),
  (9004, 9003, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-10-08 14:00:00'),
  (9005, 9003, 'DISPATCH', 'STAFF', 1, '社区工作人员', 'SUBMITTED', 'DISPATCHED', '派给志愿服务队：东风社区法律援助志愿服务队', '2025-10-08 16:00:00'),
  (9006, 9003, 'GROUP', 'STAFF', 1, '社区工作人员', 'DISPATCHED', 'DISPATCHED', '纳入服务项目：龙轩苑邻里纠纷调处', '2025-10-09 09:00:00'),
  (9007, 9003, 'ACCEPT', 'ASSIGNEE', 9101, '东风社区法律援助志愿服务队', 'DISPATCHED', 'ACCEPTED', NULL, '2025-10-09 10:00:00'),
  (9008, 9004, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-10-10 09:00:00'),
  (9009, 9004, 'DISPATCH', 'STAFF', 1, '社区工作人员', 'SUBMITTED', 'DISPATCHED', '派给志愿服务队：东风社区法律援助志愿服务队', '2025-10-10 12:00:00'),
  (9010, 9004, 'ACCEPT', 'ASSIGNEE', 9101, '东风社区法律援助志愿服务队', 'DISPATCHED', 'ACCEPTED', NULL, '2025-10-10 18:00:00'),
  (9011, 9004, 'COMPLETE', 'ASSIGNEE', 9101, '东风社区法律援助志愿服务队', 'ACCEPTED', 'COMPLETED', '已当面讲解条款，并给出书面意见', '2025-10-12 09:00:00'),
  (9012, 9005, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-10-12 09:00:00'),
  (9013, 9005, 'DISPATCH', 'STAFF', 1, '社区工作人员', 'SUBMITTED', 'DISPATCHED', '派给志愿服务队：东风社区法律援助志愿服务队', '2025-10-12 10:00:00'),
  (9014, 9005, 'ACCEPT', 'ASSIGNEE', 9101, '东风社区法律援助志愿服务队', 'DISPATCHED', 'ACCEPTED', NULL, '2025-10-12 12:00:00'),
  (9015, 9005, 'COMPLETE', 'ASSIGNEE', 9101, '东风社区法律援助志愿服务队', 'ACCEPTED', 'COMPLETED', '三方联动议事厅调解，双方签订公约', '2025-10-13 09:00:00'),
  (9016, 9005, 'RATE', 'RESIDENT', 9104, '居民本人', 'COMPLETED', 'CLOSED', '5星：调解很耐心，问题解决了', '2025-10-14 08:00:00'),
  (9017, 9006, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-11-02 09:00:00'),
  (9018, 9006, 'DISPATCH', 'STAFF', 1, '社区工作人员', 'SUBMITTED', 'DISPATCHED', '派给志愿服务队：东风医院医疗保健志愿服务队', '2025-11-02 15:00:00'),
  (9019, 9006, 'ACCEPT', 'ASSIGNEE', 9103, '东风医院医疗保健志愿服务队', 'DISPATCHED', 'ACCEPTED', NULL, '2025-11-03 09:00:00'),
  (9020, 9006, 'COMPLETE', 'ASSIGNEE', 9103, '东风医院医疗保健志愿服务队', 'ACCEPTED', 'COMPLETED', '红色周末义诊时完成筛查', '2025-11-04 21:00:00'),
  (9021, 9006, 'RATE', 'RESIDENT', 9104, '居民本人', 'COMPLETED', 'CLOSED', '3星：等得有点久', '2025-11-05 10:00:00'),
  (9022, 9007, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-10-04 08:00:00'),
  (9023, 9007, 'MERGE', 'STAFF', 1, '社区工作人员', 'SUBMITTED', 'MERGED', '与第9001号重复，合并办理', '2025-10-04 09:00:00'),
  (9024, 9008, 'POST', 'RESIDENT', 9104, '居民本人', NULL, 'SUBMITTED', NULL, '2025-10-20 09:00:00'),
  (9025, 9008, 'CANCEL', 'RESIDENT', 9104, '居民本人', 'SUBMITTED', 'CANCELLED', '已自行报名', '2025-10-21 09:00:00'),
  (9026, 9009, 'POST', 'RESIDENT', 9105, '居民本人', NULL, 'SUBMITTED', NULL, '2025-11-05 09:00:00'),
  (9027, 9010, 'POST', 'RESIDENT', 9105, '居民本人', NULL, 'SUBMITTED', NULL, '2025-11-06 08:00:00'),
  (9028, 9010, 'DISPATCH', 'STAFF', 1, '社区工作人员', 'SUBMITTED', 'DISPATCHED', '派给志愿服务队：春园社区文明创建志愿服务队', '2025-11-06 10:00:00'),
  (9029, 9010, 'GROUP', 'STAFF', 1, '社区工作人员', 'DISPATCHED', 'DISPATCHED', '纳入服务项目：铁路游泳池小区适老化改造', '2025-11-06 10:30:00'),
  (9030, 9010, 'ACCEPT', 'ASSIGNEE', 9105, '春园社区文明创建志愿服务队', 'DISPATCHED', 'ACCEPTED', NULL, '2025-11-06 11:00:00'),
  (9031, 9010, 'COMPLETE', 'ASSIGNEE', 9105, '春园社区文明创建志愿服务队', 'ACCEPTED', 'COMPLETED', '已用水泥修补台阶', '2025-11-06 20:00:00'),
  (9032, 9010, 'RATE', 'RESIDENT', 9105, '居民本人', 'COMPLETED', 'CLOSED', '4星：修得很快', '2025-11-07 09:00:00')
ON DUPLICATE KEY UPDATE note = VALUES(note);

INSERT INTO volunteer_activity (id, station_id, community_id, team_id, title, description, start_at, end_at, capacity,
                                taken, open_to, status, reminded, created_at) VALUES
  (9001, 12, 12, 9001, '红色周末·普法进小区', '租房、劳动合同常见问题现场解答', '2025-10-18 09:00:00', '2025-10-18 11:00:00', 10, 2, 'ALL', 'OPEN', 1, '2025-10-10 09:00:00'),
  (9002, 12, 12, 9002, '晚间一小时·健康义诊', '量血压、测血糖', '2025-11-15 14:00:00', '2025-11-15 15:30:00', 5, 1, 'TEAM', 'OPEN', 1, '2025-11-10 09:00:00')
ON DUPLICATE KEY UPDATE title = VALUES(title), start_at = VALUES(start_at), end_at = VALUES(end_at), taken = VALUES(taken);

INSERT INTO volunteer_signup (id, activity_id, user_id, status, active_user, checkin_at, minutes, created_at, updated_at) VALUES
  (9001, 9001, 9101, 'ACTIVE', 9101, '2025-10-18 08:55:00', 120, '2025-10-11 09:00:00', '2025-10-18 08:55:00'),
  (9002, 9001, 9102, 'ACTIVE', 9102, NULL, 0, '2025-10-11 10:00:00', '2025-10-11 10:00:00'),
  (9003, 9002, 9103, 'ACTIVE', 9103, '2025-11-15 13:58:00', 90, '2025-11-11 09:00:00', '2025-11-15 13:58:00')
ON DUPLICATE KEY UPDATE checkin_at = VALUES(checkin_at), minutes = VALUES(minutes);
