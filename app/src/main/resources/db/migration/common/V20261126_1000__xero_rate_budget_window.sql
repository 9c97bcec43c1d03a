-- When the organisation's current minute window began, as far as Kontor can tell: the sending time of
-- the first call whose answer showed more calls left than the one before (Xero counts calls in fixed
-- windows that reset at different times for each organisation, XERO-CONTRACT §3). A held-back call
-- waits until a minute after it rather than a minute after the latest call.
alter table xero_rate_budgets add column minute_window_from timestamp with time zone;
