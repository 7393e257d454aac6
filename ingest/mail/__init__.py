"""Mail intake (issue 19): messages of IMAP mailboxes registered as requests.

``message`` turns the bytes of a message into a :class:`~rogatory.submissions.Submission`
(``certified`` unwraps certified-mail envelopes first, ``names`` decodes attachment names);
``imap`` speaks to the server; ``mailbox`` takes each message of a mailbox in, then files it
away on the server.
"""
