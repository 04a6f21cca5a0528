package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.error.ConnectorException;

/**
 * Turns a failure into words an onboarding admin can act on: what happened and what to do next.
 * Confluence's own reason (already free of secrets) follows, for the curious; the page escapes it.
 */
final class Explain {
    private Explain() {
    }

    /** A failure shown to a user: a headline, what to do, and the connector's detail. */
    record Problem(String headline, String advice, String detail, int status) {
    }

    static Problem of(ConnectorException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.code()) {
            case CREDENTIALS_REJECTED -> new Problem("Confluence rejected the email and API token.",
                    "Check that the email is the Atlassian account's and that the token was copied whole. A revoked or expired "
                            + "token fails this way too: create a new one at id.atlassian.com and paste it here.", detail, 422);
            case SITE_NOT_ALLOWED -> new Problem("This site address is not allowed.",
                    "Use the Confluence Cloud address, https://<your-site>.atlassian.net. Other addresses are refused to protect "
                            + "the network this connector runs in; an operator can allow one with ASKEL_ALLOWED_SITE_ORIGINS.", detail, 422);
            case CONFLUENCE_UNAVAILABLE -> new Problem("The site could not be reached.",
                    "Check the address for typos and that the site is up (open it in a browser), then try again. If Confluence "
                            + "is having an outage, wait a few minutes.", detail, 502);
            case PERMISSION_DENIED -> new Problem("The Atlassian user is not allowed to do this.",
                    "Ask a Confluence admin of the site to give this user access to the space (view, and add pages to publish).",
                    detail, 403);
            case RATE_LIMITED -> new Problem("Confluence asked us to slow down.",
                    "Too many requests reached the site in a short time. Wait a minute and try again.", detail, 429);
            case METHOD_NOT_ALLOWED -> new Problem("This page does not take that kind of request.",
                    "Use the console's links and buttons rather than a hand-made request.", detail, 405);
            case NOT_FOUND -> new Problem("Not found.",
                    "It may have been removed, or it belongs to another workspace. Go back to the list and pick it again.", detail, 404);
            case INVALID_INPUT, INVALID_STORAGE_FORMAT -> new Problem("Some of what was entered is not valid.",
                    "Correct the field named below and submit again.", detail, 422);
            case TEMPLATE_ERROR -> new Problem("The template refused these inputs.",
                    "Check the inputs named below against the template's description.", detail, 422);
            case DRIFT_DETECTED -> new Problem("The page was edited in Confluence since it was last published.",
                    "Nothing was overwritten. Look at the finding on the Drift page, then overwrite from the template if the "
                            + "hand edit should go.", detail, 409);
            case PERMISSION_LOST -> new Problem("The Atlassian user may still see this page but may no longer change it.",
                    "Ask a Confluence admin of the site to give this user edit permission in the space again, or to lift the "
                            + "page's edit restriction; nothing was written.", detail, 403);
            case VERSION_CONFLICT, CONFLICT -> new Problem("Someone else changed this at the same time.",
                    "Reload the page to see the current state and try again.", detail, 409);
            case PAYLOAD_TOO_LARGE -> new Problem("The file is too large.",
                    "Use a smaller file (the limit is set by the operator and by Confluence).", detail, 413);
            case UNAUTHENTICATED -> new Problem("That API key was not accepted.",
                    "Check that it was pasted whole and has not been revoked. Ask whoever runs this connector for a new one.",
                    "", 401);
            case ENDPOINT_REMOVED, CONFLUENCE_ERROR -> new Problem("Confluence answered in a way the connector does not understand.",
                    "Try again; if it persists, report it with the detail below.", detail, 502);
            case FORBIDDEN -> new Problem("This API key may not do that.",
                    "Its scope is too narrow (read keys only look, write keys publish, admin keys also manage keys). Sign in "
                            + "with a key that has the scope, or ask whoever runs this connector for one.", detail, 403);
            case CONNECTION_BUSY, SERVER_BUSY -> new Problem("The connector is busy with this site right now.",
                    "Many requests to the same site are in progress. Wait a few seconds and try again.", detail, 503);
            case DEADLINE_EXCEEDED -> new Problem("The site took too long to answer.",
                    "Confluence did not answer in time; nothing is left half done. Try again in a minute; if the site is "
                            + "slow all the time, check it in a browser.", detail, 504);
            case CONFLUENCE_RESPONSE_TOO_LARGE -> new Problem("The site sent an answer far larger than expected.",
                    "The connector stopped reading it to protect itself. If the site is genuine, report it with the detail below.",
                    detail, 502);
            case IDEMPOTENCY_KEY_REUSED -> new Problem("This request was already made differently.", "Reload and try again.", detail, 409);
            case SECRET_KEY_MISMATCH, INTERNAL -> new Problem("Something went wrong inside the connector.",
                    "Try again. If it keeps failing, the operator will find the cause in the connector's log.", "", 500);
        };
    }

    static Problem unexpected() {
        return new Problem("Something went wrong inside the connector.",
                "Try again. If it keeps failing, the operator will find the cause in the connector's log.", "", 500);
    }
}
