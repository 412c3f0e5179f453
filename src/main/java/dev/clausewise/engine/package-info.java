/** The Drools side: KieBase per policy version, pooled sessions, the facts rules exchange and the firing tracer. Only this package imports org.kie / org.drools. */
package dev.clausewise.engine;
