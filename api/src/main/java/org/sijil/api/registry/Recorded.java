package org.sijil.api.registry;

import java.util.List;
import java.util.UUID;

/**
 * What a registrar gets back after recording a life event: the person, their new version (also in
 * the {@code ETag} header), and the ids and store positions of the events just written — a reader
 * of the views can wait until it has seen {@code position}.
 */
public record Recorded(UUID personId, String nationalNumber, UUID marriageId, long version, List<String> eventIds,
                long position) {
}
