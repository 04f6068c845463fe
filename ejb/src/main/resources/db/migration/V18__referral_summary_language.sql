-- The language a referral's summary is written in (issue 16): the referring worker chooses it for
-- the provider who reads it. English, French or Arabic; referrals written before are in English.
alter table referral add column summary_language varchar(8) default 'en' not null;
alter table referral add constraint ck_referral_summary_language
    check (summary_language in ('en', 'fr', 'ar'));
