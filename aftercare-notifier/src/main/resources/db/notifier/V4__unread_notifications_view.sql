-- The notifier's published read contract: how many unread notifications a person has, for the header of every
-- page of every service (the platform's UnreadNotifications reads this view and nothing else of this schema).
-- The columns and their meaning stay as they are; the tables behind the view may change.
create index notification_unread on notification (recipient_username) where not is_read;

create view unread_notifications (recipient_username, unread) as
select recipient_username, count(*)
  from notification
 where not is_read
 group by recipient_username;
