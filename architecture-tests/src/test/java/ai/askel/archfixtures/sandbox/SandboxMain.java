package ai.askel.archfixtures.sandbox;

import ai.askel.archfixtures.domain.Model;

/** Legitimate: the sandbox's main prints and serves with Javalin and Jackson. */
public class SandboxMain {
    io.javalin.Javalin javalin;
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    public static void main(String[] args) {
        System.out.println("sandbox up");
    }
}

class SandboxUsesDomain {
    Model model;
}
