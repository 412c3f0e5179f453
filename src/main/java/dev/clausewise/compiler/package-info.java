/** YAML statements to DRL rules: one rule per statement, literals validated or escaped, never pasted as code. */
package dev.clausewise.compiler;
