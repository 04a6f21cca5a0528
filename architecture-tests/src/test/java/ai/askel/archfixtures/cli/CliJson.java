package ai.askel.archfixtures.cli;

/** The CLI may write JSON for --json. */
class CliJson {
    com.fasterxml.jackson.databind.ObjectMapper mapper;
}
