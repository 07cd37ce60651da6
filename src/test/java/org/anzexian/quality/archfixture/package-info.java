/**
 * Deliberate breaches of the architecture rules, as modules {@code alpha} and {@code beta} under this
 * root (with a {@code platform.engine} that may do what the others may not); {@code ArchitectureTest}
 * proves each rule reports them. Test code only, never imported by the
 * real rules (they skip test classes).
 */
package org.anzexian.quality.archfixture;
