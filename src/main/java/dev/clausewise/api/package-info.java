/** The REST API (Micronaut): thin controllers that parse requests field by field and answer JSON. */
package dev.clausewise.api;
