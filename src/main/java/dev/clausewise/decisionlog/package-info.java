/** The decision log: one JSON line per decision, written off the request path to a sink (rotating files by default). */
package dev.clausewise.decisionlog;
