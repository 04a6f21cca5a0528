package ai.askel.archfixtures.app.cli;

/** The CLI may write JSON for --json. */
class CliJson {
    com.fasterxml.jackson.databind.ObjectMapper mapper;
}
