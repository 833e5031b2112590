package io.incidentbot.postmortem;

import java.io.IOException;
import java.io.Writer;

/**
 * The postmortem draft: a pure function of stored state to Markdown, written through a {@link DraftTemplate}.
 *
 * <p>The default layout's sections, in order: title line, summary table, Alerts and Changes before the incident
 * (each only when the incident has any), Summary, Impact, Response metrics, Timeline of key events (numbered as the
 * picture's markers, with a link to the picture), Root cause and contributing factors, What went well, What went
 * wrong, Where we got lucky, Follow-ups, Participants, Appendix: full channel log. Summary and Impact are drafted
 * from the record ({@link FactSections}) and say so; sections people must write themselves hold an italic prompt
 * starting with "To do". Times are {@code HH:MM} in the input's zone, under a date heading per day when the
 * incident spans more than one calendar day there.
 *
 * <p>The timeline is read twice as a stream (see {@link TimelineSource}): once to build the {@link DraftModel}
 * ({@link DraftModels}) and once while the template writes the channel log; its key events once more
 * ({@link TimelineSource#forEachKeyEvent}, selected by the database). Only the thread replies are held in memory
 * between the first pass and the channel log.
 */
public final class PostmortemRenderer {
    private PostmortemRenderer() {
    }

    /**
     * Writes the draft of {@code in} to {@code out} in the default layout, as Markdown with {@code \n} line ends.
     *
     * @throws IOException whatever {@code out} throws
     */
    public static void render(PostmortemInput in, Appendable out) throws IOException {
        render(in, out, TimelineChart.fileName(in.incident().number()));
    }

    /**
     * As {@link #render(PostmortemInput, Appendable)}, linking the timeline picture at {@code chartTarget}.
     *
     * @param chartTarget the picture's file name or URL as the draft links it; null to leave the picture out
     *                    (the command line writes none unless asked to with {@code --chart FILE})
     * @throws IOException whatever {@code out} throws
     */
    public static void render(PostmortemInput in, Appendable out, String chartTarget) throws IOException {
        render(in, out, chartTarget, DraftTemplate.defaultLayout());
    }

    /**
     * As {@link #render(PostmortemInput, Appendable, String)}, through {@code template}.
     *
     * @param template the default layout or a team's ({@code INCIDENT_POSTMORTEM_TEMPLATE})
     * @throws IOException whatever {@code out} throws
     */
    public static void render(PostmortemInput in, Appendable out, String chartTarget, DraftTemplate template)
            throws IOException {
        DraftModel model = DraftModels.of(in, chartTarget);
        if (out instanceof Writer w) {
            template.render(model, w);
            return;
        }
        template.render(model, new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                out.append(java.nio.CharBuffer.wrap(buf, off, len));
            }

            @Override
            public void write(String s) throws IOException {
                out.append(s);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /**
     * The Markdown line that shows the timeline picture. The draft links the picture's file name, as
     * uploaded next to the draft (and as {@code postmortem <n> --chart FILE} writes it); the canvas
     * links the uploaded file instead.
     *
     * @param number incident number
     * @param target the picture's file name or URL
     * @return {@code ![Timeline picture of incident <n>...](target)}
     */
    public static String chartImage(long number, String target) {
        return "![Timeline picture of incident " + number + ": status phases, severity changes, numbered key events "
                + "and messages per interval](" + target + ")";
    }
}
