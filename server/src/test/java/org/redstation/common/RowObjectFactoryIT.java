package org.redstation.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class RowObjectFactoryIT extends IntegrationTest {
    @Autowired
    SqlSessionFactory sessions;

    private static class Row {
        private long id;

        private Row() {
        }

        private Row(long id) {
            this.id = id;
        }
    }

    private record Pair(long id, String name) {
    }

    @Test
    void everyMapperBuildsItsRowsThroughTheCachedAccessibleConstructors() {
        assertThat(sessions.getConfiguration().getObjectFactory()).isInstanceOf(RowObjectFactory.class);
    }

    @Test
    void packagePrivateRowsRecordsAndCollectionsAreBuiltAsMyBatisWouldBuildThem() {
        var f = new RowObjectFactory();
        assertThat(f.create(Row.class)).isNotNull();
        assertThat(f.create(Row.class, List.of(long.class), List.of(7L)).id).isEqualTo(7L);
        assertThat(f.create(Row.class, List.of(long.class), List.of(8L)).id).isEqualTo(8L); // the cached constructor
        assertThat(f.create(Pair.class, List.of(long.class, String.class), List.of(1L, "春园"))).isEqualTo(new Pair(1L, "春园"));
        assertThat(f.create(List.class)).isInstanceOf(ArrayList.class);
        // no such constructor: MyBatis' own error
        assertThatThrownBy(() -> f.create(Row.class, List.of(String.class), List.of("x"))).isInstanceOf(ReflectionException.class);
    }
}
