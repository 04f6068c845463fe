-- A duplicate check from another team that matched one of the team's cases is told to the team's
-- supervisors (issue 15): someone elsewhere may be looking for a survivor the team protects.
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in (
    'REFERRAL_AWAITING_APPROVAL', 'REFERRAL_RETURNED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED',
    'REFERRAL_OVERDUE', 'ACCESS_CHANGED', 'BREAK_GLASS', 'DUPLICATE_MATCHED'));
