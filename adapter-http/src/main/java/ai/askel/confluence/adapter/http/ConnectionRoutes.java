package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.ListJson;
import ai.askel.confluence.adapter.http.ApiJson.RegisterConnectionJson;
import ai.askel.confluence.adapter.http.ApiJson.RotateCredentialsJson;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import jakarta.inject.Inject;

/** Connections: a workspace's Confluence sites and their credentials (the token is never returned). */
final class ConnectionRoutes implements Api.Group {
    static final String CONNECTIONS = "/api/v1/connections";
    static final String CONNECTION = CONNECTIONS + "/{connectionId}";

    private final RegisterConnectionUseCase register;
    private final ListConnectionsUseCase list;
    private final RemoveConnectionUseCase remove;
    private final RotateCredentialsUseCase rotate;

    @Inject
    ConnectionRoutes(RegisterConnectionUseCase register, ListConnectionsUseCase list, RemoveConnectionUseCase remove,
                     RotateCredentialsUseCase rotate) {
        this.register = register;
        this.list = list;
        this.remove = remove;
        this.rotate = rotate;
    }

    @Override
    public void register(Api api) {
        api.postJson(CONNECTIONS, call -> Reply.created(ResponseMapper.connection(
                register.register(RequestMapper.registerCommand(call.workspace(), call.body(RegisterConnectionJson.class))))));
        api.get(CONNECTIONS, call -> Reply.ok(new ListJson<>(
                list.list(call.workspace()).stream().map(ResponseMapper::connection).toList())));
        api.get(CONNECTION, call -> Reply.ok(ResponseMapper.connection(list.get(call.connection()))));
        api.delete(CONNECTION, call -> {
            remove.remove(call.connection());
            return Reply.noContent();
        });
        api.putJson(CONNECTION + "/credentials", call -> Reply.ok(ResponseMapper.connection(
                rotate.rotate(RequestMapper.rotateCommand(call.connection(), call.body(RotateCredentialsJson.class))))));
    }
}
