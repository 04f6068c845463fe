-- Notices to a team's supervisors (issue 15): a change of a member's access, which is about no
-- case, and a break-glass opening of one of the team's cases. "about" names who and what, never
-- anything of a survivor.
alter table notification alter column case_number drop not null;
alter table notification add column about varchar(200);
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in (
    'REFERRAL_AWAITING_APPROVAL', 'REFERRAL_RETURNED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED',
    'REFERRAL_OVERDUE', 'ACCESS_CHANGED', 'BREAK_GLASS'));
alter table notification add constraint ck_notification_subject check (
    case_number is not null or about is not null);
