package io.docmatrix.eval.corpus;

/** A chunk as the platform returns it: its text and its range in the platform's extracted text. */
public record PlatformChunk(String chunkId, int ordinal, String text, int start, int end) {}
