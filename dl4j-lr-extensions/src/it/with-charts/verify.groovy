// XChart as the docs add it: charts available, and no test framework on the user's compile classpath.
def list = new File(basedir, 'target/dependencies.txt')
assert list.isFile() : "dependency:list wrote nothing"
def jars = list.readLines().findAll { it.trim() ==~ /^[\w.\-]+:[\w.\-]+:jar:.*/ }.collect { it.trim() }
assert jars.any { it.startsWith('org.knowm.xchart:xchart:') } : "XChart was not resolved: ${jars}"
def tests = jars.findAll { it =~ /^(org\.junit|junit:|org\.opentest4j|org\.apiguardian|org\.hamcrest|org\.mockito)/ }
assert tests.isEmpty() : "a test framework reached the compile classpath: ${tests}"
println "with-charts: ${jars.size()} compile jars, XChart included, no test framework"
return true
