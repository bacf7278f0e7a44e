package org.sijil.query.feed;

import java.lang.reflect.RecordComponent;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.Personal;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCategoriesTest {

    @Test
    void everyPersonEventTypeAndEveryFieldHasADecision() {
        for (Class<?> type : PersonEvent.class.getPermittedSubclasses()) {
            FeedCategories.Rule rule = FeedCategories.rule(type);
            assertThat(rule).as(type.getSimpleName()).isNotNull();
            for (RecordComponent c : type.getRecordComponents()) {
                boolean decided = FeedCategories.ENVELOPE.contains(c.getName()) || rule.fields().containsKey(c.getName())
                        || rule.eventWide().contains(c.getName());
                assertThat(decided).as("%s.%s", type.getSimpleName(), c.getName()).isTrue();
                if (c.isAnnotationPresent(Personal.class)) {
                    assertThat(rule.fields()).as("personal %s.%s is category-bound", type.getSimpleName(), c.getName())
                            .containsKey(c.getName());
                }
            }
        }
    }

    @Test
    void aMinistryGetsOnlyTheFieldsOfItsCategories() {
        FeedCategories.Rule birth = FeedCategories.rule(org.sijil.core.api.person.BirthRegisteredEvent.class);
        EnumSet<DataCategory> family = EnumSet.of(DataCategory.FAMILY);
        assertThat(birth.delivered(family)).isTrue();
        assertThat(birth.carries("motherId", family)).isTrue();
        assertThat(birth.carries("nationalNumber", family)).isFalse();
        assertThat(birth.carries("somethingNew", EnumSet.allOf(DataCategory.class))).isFalse();
        assertThat(FeedCategories.rule(org.sijil.core.api.person.ResidenceChangedEvent.class)
                .delivered(EnumSet.of(DataCategory.IDENTITY, DataCategory.CIVIL_STATUS))).isFalse();
    }
}
