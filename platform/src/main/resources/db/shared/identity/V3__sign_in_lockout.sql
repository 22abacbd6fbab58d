-- Sign-in paused after repeated failures (AccountDirectory.recordFailedSignIn): the failures counted since the
-- first one in the current window, and until when sign-in is refused. A success clears all three.
alter table account
    add column failed_sign_ins      int         not null default 0,
    add column first_failed_sign_in timestamptz,
    add column locked_until         timestamptz;
