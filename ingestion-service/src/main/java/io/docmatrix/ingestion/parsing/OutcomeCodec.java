package io.docmatrix.ingestion.parsing;

import io.docmatrix.ingestion.parsing.ParseOutcome.Block;
import io.docmatrix.ingestion.parsing.ParseOutcome.Failed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Heading;
import io.docmatrix.ingestion.parsing.ParseOutcome.Page;
import io.docmatrix.ingestion.parsing.ParseOutcome.Parsed;
import io.docmatrix.ingestion.parsing.ParseOutcome.Row;
import io.docmatrix.ingestion.parsing.ParseOutcome.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format between the service and its parser worker. Explicit fields rather than Java serialization: the worker
 * handles hostile input, so the parent must never deserialize arbitrary objects from it.
 */
final class OutcomeCodec {

    private static final byte PARSED = 1;
    private static final byte FAILED = 2;

    private OutcomeCodec() {}

    static byte[] encode(ParseOutcome outcome) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            if (outcome instanceof Failed failed) {
                out.writeByte(FAILED);
                writeString(out, failed.code().name());
                writeString(out, failed.detail());
            } else if (outcome instanceof Parsed parsed) {
                {
                    out.writeByte(PARSED);
                    writeString(out, parsed.mediaType());
                    writeString(out, parsed.text());
                    out.writeInt(parsed.pages().size());
                    for (Page p : parsed.pages()) {
                        out.writeInt(p.number());
                        out.writeInt(p.start());
                        out.writeInt(p.end());
                    }
                    out.writeInt(parsed.blocks().size());
                    for (Block b : parsed.blocks()) {
                        out.writeByte(b.kind().ordinal());
                        out.writeInt(b.start());
                        out.writeInt(b.end());
                    }
                    out.writeInt(parsed.headings().size());
                    for (Heading h : parsed.headings()) {
                        out.writeInt(h.level());
                        writeString(out, h.title());
                        out.writeInt(h.start());
                    }
                    out.writeInt(parsed.tables().size());
                    for (Table t : parsed.tables()) {
                        out.writeInt(t.start());
                        out.writeInt(t.end());
                        out.writeInt(t.rows().size());
                        for (Row r : t.rows()) {
                            out.writeInt(r.start());
                            out.writeInt(r.end());
                        }
                    }
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParseOutcome decode(byte[] message) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(message));
        byte kind = in.readByte();
        if (kind == FAILED) {
            return new Failed(ParseFailure.valueOf(readString(in)), readString(in));
        }
        if (kind != PARSED) {
            throw new IOException("unknown message kind " + kind);
        }
        String mediaType = readString(in);
        String text = readString(in);
        List<Page> pages = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            pages.add(new Page(in.readInt(), in.readInt(), in.readInt()));
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            blocks.add(new Block(Block.Kind.values()[in.readByte()], in.readInt(), in.readInt()));
        }
        List<Heading> headings = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            headings.add(new Heading(in.readInt(), readString(in), in.readInt()));
        }
        List<Table> tables = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            int start = in.readInt();
            int end = in.readInt();
            List<Row> rows = new ArrayList<>();
            for (int r = in.readInt(); r > 0; r--) {
                rows.add(new Row(in.readInt(), in.readInt()));
            }
            tables.add(new Table(start, end, rows));
        }
        return new Parsed(mediaType, text, pages, blocks, headings, tables);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
