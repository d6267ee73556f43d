// The library alone must not choose an ND4J backend (CPU, CUDA, oneDNN) nor bring XChart.
def list = new File(basedir, 'target/dependencies.txt')
assert list.isFile() : "dependency:list wrote nothing"
def jars = list.readLines().findAll { it.trim() ==~ /^[\w.\-]+:[\w.\-]+:jar:.*/ }.collect { it.trim() }
def backends = jars.findAll { it =~ /org\.nd4j:nd4j-(native|cuda)[^:-]*:|org\.nd4j:nd4j-native-preset|org\.bytedeco:(openblas|mkl|cuda|dnnl)/ }
assert backends.isEmpty() : "dl4j-lr-extensions resolved an ND4J backend: ${backends}"
def charts = jars.findAll { it.contains('org.knowm.xchart') || it.contains('pdfbox') }
assert charts.isEmpty() : "XChart is optional but was resolved: ${charts}"
long bytes = jars.collect { new File(it.substring(it.indexOf('/'))).length() }.sum() as long
println "no-backend: dl4j-lr-extensions alone resolves ${jars.size()} jars (${String.format('%.1f', bytes / 1e6)} MB), no ND4J backend, no XChart"
jars.each { println "  " + it.replaceAll(/:\/.*/, '') }
return true
