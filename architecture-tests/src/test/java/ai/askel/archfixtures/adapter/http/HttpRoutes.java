package ai.askel.archfixtures.adapter.http;

class HttpRoutes {
    io.javalin.Javalin javalin;
}

class HttpUsesPicocli {
    picocli.CommandLine commandLine;
}

class HttpUsesFeign {
    feign.Feign feign;
}
