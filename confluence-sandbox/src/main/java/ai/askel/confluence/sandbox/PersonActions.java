package ai.askel.confluence.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The person-like operations behind {@link ConfluenceSandbox}'s public methods (documented there): changes to the site
 * made the way someone working in Confluence's UI would make them, for drift tests and the admin API. They take emails
 * or account ids for users and answer bad input with {@link IllegalArgumentException}.
 */
final class PersonActions {

    private final Store store;

    PersonActions(Store store) {
        this.store = store;
    }

    String createPage(String spaceKey, String parentId, String title, String storage, String asUser) {
        Store.Space space = store.spaceByKeyOrThrow(spaceKey);
        requireWellFormed(storage);
        Long parent = parentId == null ? null : Long.valueOf(parentId);
        try {
            return String.valueOf(store.createPage(space, title, parent, false, storage, accountId(asUser),
                    "current").id);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("parent " + parentId + " is not a current page in space " + spaceKey, e);
        }
    }

    void editPage(String pageId, String asUser, String storage) {
        requireWellFormed(storage);
        Store.Page page = page(pageId);
        synchronized (store) {
            store.update(page, page.title(), storage, accountId(asUser), "", false, page.status);
        }
    }

    void renamePage(String pageId, String asUser, String newTitle) {
        Store.Page page = page(pageId);
        synchronized (store) {
            store.update(page, newTitle, page.current().storage(), accountId(asUser), "", false, page.status);
        }
    }

    void movePage(String pageId, String newParentId, String asUser) {
        accountId(asUser);
        Store.Page page = page(pageId);
        Store.Page parent = page(newParentId);
        if (parent.spaceId != page.spaceId) {
            throw new IllegalArgumentException("the new parent is in another space");
        }
        if (!"current".equals(parent.status)) {
            throw new IllegalArgumentException("the new parent " + newParentId + " is not a current page (it is "
                    + parent.status + ")");
        }
        try {
            store.move(page, parent.id);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("a page cannot move under itself or its descendants", e);
        }
    }

    void editorSave(String pageId, String asUser) {
        Store.Page page = page(pageId);
        synchronized (store) {
            String saved = EditorSave.save(page.current().storage(), name -> store.attachmentNamed(page, name)
                    .map(a -> a.latest().number()).orElse(0));
            store.update(page, page.title(), saved, accountId(asUser), "", false, page.status);
        }
    }

    void restorePage(String pageId, String asUser) {
        accountId(asUser);
        try {
            store.restore(page(pageId));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    void restrictEditing(String pageId, String... users) {
        Store.Page page = page(pageId);
        synchronized (store) {
            page.editors.clear();
            for (String user : users) {
                page.editors.add(accountId(user));
            }
        }
    }

    void deleteSpace(String spaceKey) {
        synchronized (store) {
            store.deleteSpace(store.spaceByKey(spaceKey).orElseThrow(() -> new IllegalArgumentException("no space " + spaceKey)));
        }
    }

    void renameSpace(String spaceKey, String newName) {
        synchronized (store) {
            store.spaceByKey(spaceKey).orElseThrow(() -> new IllegalArgumentException("no space " + spaceKey)).name = newName;
        }
    }

    void trashPage(String pageId, String asUser) {
        accountId(asUser);
        store.trash(page(pageId));
    }

    void addLabels(String pageId, String... labels) {
        List<String[]> list = new ArrayList<>();
        for (String label : labels) {
            list.add(new String[] {"global", V1Routes.checkedLabel(label)});
        }
        store.addLabels(page(pageId), list);
    }

    boolean removeLabel(String pageId, String label) {
        return store.removeLabel(page(pageId), label);
    }

    void replaceAttachment(String pageId, String filename, byte[] content, String asUser) {
        Store.Page page = page(pageId);
        try {
            Path spooled = store.spool(new ByteArrayInputStream(content), Long.MAX_VALUE);
            store.putAttachment(page, filename, "application/octet-stream", spooled, "", false, accountId(asUser));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean deleteAttachment(String pageId, String filename, String asUser) {
        accountId(asUser);
        return store.deleteAttachment(page(pageId), filename);
    }

    private Store.Page page(String pageId) {
        try {
            return store.pageOrThrow(Long.parseLong(pageId));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page ids are numbers: " + pageId, e);
        }
    }

    private String accountId(String user) {
        return store.account(user).accountId;
    }

    private void requireWellFormed(String storage) {
        new StorageFormat().problem(storage).ifPresent(problem -> {
            throw new IllegalArgumentException("storage body is not well-formed: " + problem);
        });
    }
}
