-- The W3C traceparent of the operation that queued an analysis (the consumer span of the chunk or lifecycle event that
-- completed the document's staging, or the API request). The worker that runs the analysis later, on another thread,
-- resumes it as the parent of its span, so the analysis and its events stay in the document's trace.
ALTER TABLE analysis ADD COLUMN traceparent text;
