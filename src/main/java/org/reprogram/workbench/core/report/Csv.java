package org.reprogram.workbench.core.report;

import java.util.List;

/**
 * CSV text as RFC 4180 describes it: fields separated by commas, records ended by CRLF, a field
 * that holds a comma, a double quote, a carriage return or a line feed enclosed in double quotes
 * with its double quotes doubled. Spreadsheets and {@code pandas.read_csv} read it back as written.
 */
public final class Csv {

    /** The record separator RFC 4180 prescribes. */
    public static final String CRLF = "\r\n";

    private Csv() {}

    /** FIELD as one CSV field, quoted where it must be (null is an empty field). */
    public static String field(String field) {
        if (field == null) {
            return "";
        }
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\n') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** One record: the FIELDS quoted and joined by commas, without a line end. */
    public static String record(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        return sb.toString();
    }

    /** A whole file: the HEADER record, then the ROWS, each ended by CRLF. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(record(header)).append(CRLF);
        for (List<String> r : rows) {
            sb.append(record(r)).append(CRLF);
        }
        return sb.toString();
    }
}
