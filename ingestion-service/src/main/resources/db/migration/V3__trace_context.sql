-- The W3C traceparent of the upload event that queued a document version. The worker that processes the version
-- later, on another thread, resumes it as the parent of its span, so parsing, embedding and the events it publishes
-- stay in the upload's trace. Null when the upload carried none.
ALTER TABLE document ADD COLUMN traceparent text;
