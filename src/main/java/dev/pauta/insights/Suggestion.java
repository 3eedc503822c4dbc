package dev.pauta.insights;

import java.time.Instant;
import java.util.List;

/**
 * A stored problem report on one section: where it was read (locale, release), the decision it arose from (null for
 * none), who reported it, the section's owner when it was reported, its status, the owner's reply (null until given), the
 * change an accepted report started, and who decided on it and when (null while it is open).
 */
public record Suggestion(long id, String section, String locale, int release, String decisionId, String text, String status, String reporter,
                         String owner, Instant at, String reply, Long changeId, String decidedBy, Instant decidedAt) {

    /** Every report starts open. */
    public static final String OPEN = "OPEN";
    /** Accepted into a change that starts from the section as the current release has it. */
    public static final String ACCEPTED = "ACCEPTED";
    /** Declined with a reply to the reporter. */
    public static final String DECLINED = "DECLINED";

    /** The statuses a report can be in: open, then accepted into a change or declined with a reply. */
    public static final List<String> STATUSES = List.of(OPEN, ACCEPTED, DECLINED);
}
