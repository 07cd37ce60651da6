/**
 * Deliberate breaches of the architecture rules, as modules {@code alpha} and {@code beta} under this
 * root; {@code ArchitectureTest} proves each rule reports them. Test code only, never imported by the
 * real rules (they skip test classes).
 */
package org.anzexian.quality.archfixture;
