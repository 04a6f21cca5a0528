/**
 * A miniature of the connector's layout that breaks every architecture rule once, on purpose: each
 * violating class is named for what it does wrong, so {@code HexagonRulesBiteTest} can show that each
 * rule catches its violation (and leaves the legitimate classes beside it alone). Never production code.
 */
package ai.askel.archfixtures;
