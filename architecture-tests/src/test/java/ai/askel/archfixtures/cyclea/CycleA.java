package ai.askel.archfixtures.cyclea;

public class CycleA {
    ai.askel.archfixtures.cycleb.CycleB b;
}
