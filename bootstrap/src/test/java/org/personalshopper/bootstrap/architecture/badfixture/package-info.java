/**
 * Deliberately broken code: each class breaks one rule of {@code ArchitectureRules}, so that
 * {@code ArchitectureTest} can show every rule reports its violation. Never imported as production code.
 */
package org.personalshopper.bootstrap.architecture.badfixture;
