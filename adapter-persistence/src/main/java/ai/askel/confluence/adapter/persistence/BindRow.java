package ai.askel.confluence.adapter.persistence;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;

/**
 * Binds each component of a {@code *Row} record by its name and declared type (so a null binds as
 * SQL NULL of the right type). JDBI's {@code @BindMethods} only sees public classes, and the rows
 * stay package-private.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@SqlStatementCustomizingAnnotation(BindRow.Factory.class)
@interface BindRow {
    /** Creates the binder; JDBI instantiates it reflectively. */
    final class Factory implements SqlStatementCustomizerFactory {
        @Override
        public SqlStatementParameterCustomizer createForParameter(Annotation annotation, Class<?> sqlObjectType, Method method,
                                                                  Parameter param, int index, Type paramType) {
            RecordComponent[] components = param.getType().getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException("@BindRow needs a record, not " + param.getType().getName());
            }
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
            return (statement, row) -> {
                for (RecordComponent component : components) {
                    try {
                        statement.bindByType(component.getName(), component.getAccessor().invoke(row), component.getGenericType());
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException("cannot read " + component + " of " + param.getType().getSimpleName(), e);
                    }
                }
            };
        }
    }
}
