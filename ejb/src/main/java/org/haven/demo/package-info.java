/**
 * The demo: the staff of the demo realm ({@code ear/src/run/keycloak/haven-demo-realm.json}) and a
 * few fictional cases, loaded into an empty database when Haven runs in demo mode ({@code
 * HAVEN_DEMO=true}, which the run command sets). The cases are registered through the case
 * boundaries, so they obey the same rules as any other.
 *
 * <p>A business feature at the edge: it may use {@code access} and {@code cases}; nothing depends
 * on it.
 *
 * <p>Entry points: {@code boundary.DemoData}, the startup bean that loads the demo once; {@code
 * boundary.DemoCases}, the demo's staff and cases. See docs/operations/running.md.
 */
package org.haven.demo;
