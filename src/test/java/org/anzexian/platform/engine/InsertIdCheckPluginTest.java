package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.junit.jupiter.api.Test;

/**
 * The engine's check of an inserted row's id (#15): the same refusal, with the same message, as Camunda's own
 * entity manager gives; a valid id is let through without turning the entity into a string.
 */
class InsertIdCheckPluginTest {

    private final AtomicInteger described = new AtomicInteger();
    private final InsertIdCheckPlugin.Manager ours = new InsertIdCheckPlugin.Manager(null, null);
    private final Camundas camundas = new Camundas();

    @Test
    void aValidIdPassesWithoutTheEntityBeingDescribed() {
        ours.validateId(row("3f0c2a9e-0b1d-11f0-9c1a-0242ac120002"));
        ours.validateId(row("42"));

        assertThat(described).as("toString calls").hasValue(0);
        camundas.validateId(row("42"));
        assertThat(described).as("Camunda's own describes every entity").hasValue(1);
    }

    @Test
    void aMissingOrReservedIdIsRefusedWithCamundasOwnMessage() {
        for (String id : new String[] {null, "*"}) {
            Throwable camundasRefusal = org.assertj.core.api.Assertions.catchThrowable(() -> camundas.validateId(row(id)));
            assertThat(camundasRefusal).as("Camunda refuses %s", id).isInstanceOf(ProcessEngineException.class);
            assertThatThrownBy(() -> ours.validateId(row(id))).as(String.valueOf(id))
                    .isInstanceOf(ProcessEngineException.class).hasMessage(camundasRefusal.getMessage())
                    .hasMessageContaining("row " + id);
        }
    }

    /** The engine's own entity manager, whose check is protected. */
    private static final class Camundas extends DbEntityManager {

        Camundas() {
            super(null, null);
        }

        @Override
        protected void validateId(DbEntity entity) {
            super.validateId(entity);
        }
    }

    private DbEntity row(String id) {
        return new DbEntity() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public void setId(String ignored) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Object getPersistentState() {
                return id;
            }

            @Override
            public String toString() {
                described.incrementAndGet();
                return "row " + id;
            }
        };
    }
}
