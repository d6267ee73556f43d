def log = new File(basedir, 'build.log').text
assert log.contains('CONSUMER OK: backend') : "the consumer program did not finish"
assert log.contains('CONSUMER without XChart, savePlot says:') : "savePlot without XChart gave no clear message"
return true
