//! The timeline model: a pure function from extracted articles to dated entries, one per distinct meeting.
