package app.kontor.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated browser-test class gets a Kontor of its own: started for the class in a fresh
 * {@code target/e2e-app-<Class>/} (so a never-connected demo practice and a pristine demo Xero
 * organisation), logged to {@code target/e2e-app-<Class>.log}, and stopped when the class ends. For a
 * walkthrough whose steps build on each other and must not meet the shared app's state.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface FreshKontor {}
