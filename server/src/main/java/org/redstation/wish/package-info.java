/**
 * Needs and micro-wishes (群众点单、社区派单、单位接单) with their one state machine and timeline, service projects,
 * photos, escalation; volunteer teams, activities, sign-ups and check-in; the district's figures and the monthly
 * 民情 report. Owns the tables wish, wish_event, wish_photo, wish_project, volunteer_team, volunteer_member,
 * volunteer_activity and volunteer_signup (see README.md). Public API for other modules:
 * {@link org.redstation.wish.AssigneeDirectory} (implemented by the module owning Party organisations and members,
 * to offer them as assignees), with {@link org.redstation.wish.AssigneeKind}; {@link org.redstation.wish.VolunteerHours} (volunteer minutes per user, for the
 * member centre beside duty hours), {@link org.redstation.wish.WishIntake} (a need turned from a conversation, 转心愿), {@link org.redstation.wish.WishFigures}
 * with {@link org.redstation.wish.WishAreaFigures} (needs and volunteer figures, read by the dashboard) and
 * {@link org.redstation.wish.WishError}.
 */
package org.redstation.wish;
