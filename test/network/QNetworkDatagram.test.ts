import { expect } from 'chai';
import { QHostAddress } from '../../src/network/QHostAddress.js';
import { QNetworkDatagram } from '../../src/network/QNetworkDatagram.js';

describe('QNetworkDatagram', () => {
  it('default-constructs a null datagram (DG-1)', () => {
    const d = new QNetworkDatagram();
    expect(Buffer.isBuffer(d.data())).to.equal(true);
    expect(d.data().length).to.equal(0);
    expect(d.senderAddress().isNull()).to.equal(true);
    expect(d.destinationAddress().isNull()).to.equal(true);
    expect([d.senderPort(), d.destinationPort(), d.hopLimit(), d.interfaceIndex()]).to.deep.equal([-1, -1, -1, 0]);
    expect([d.isValid(), d.isNull()]).to.deep.equal([false, true]);
  });

  it('constructs a datagram to send: data, destination, port', () => {
    const d = new QNetworkDatagram(Buffer.from('abc'), QHostAddress.LocalHost, 7755);
    expect(d.data().toString()).to.equal('abc');
    expect(d.destinationAddress().toString()).to.equal('127.0.0.1');
    expect(d.destinationPort()).to.equal(7755);
    expect(d.senderPort()).to.equal(-1);
    expect(d.isValid()).to.equal(true);
    const s = new QNetworkDatagram('héllo', '::1', 1);
    expect(s.data().equals(Buffer.from('héllo', 'utf8'))).to.equal(true);
    expect(s.destinationAddress().toString()).to.equal('::1');
    const onlyData = new QNetworkDatagram('x');
    expect([onlyData.isValid(), onlyData.destinationPort()]).to.deep.equal([false, -1]);
  });

  it('an empty payload is still valid when an address is set', () => {
    const d = new QNetworkDatagram(new Uint8Array(0), QHostAddress.LocalHost, 1);
    expect(d.isValid()).to.equal(true);
  });

  it('copies the data it is given', () => {
    const src = Buffer.from('abc');
    const d = new QNetworkDatagram(src, QHostAddress.LocalHost, 1);
    src[0] = 0x7a;
    expect(d.data().toString()).to.equal('abc');
    d.setData(src);
    src[1] = 0x7a;
    expect(d.data().toString()).to.equal('zbc');
  });

  it('ports read -1 while their address is null, the set value otherwise', () => {
    const d = new QNetworkDatagram();
    d.setSender(new QHostAddress(), 5);
    expect(d.senderPort()).to.equal(-1);
    d.setSender('10.0.0.1', 5);
    expect(d.senderPort()).to.equal(5);
    d.setDestination(QHostAddress.LocalHostIPv6, 6);
    expect([d.destinationAddress().toString(), d.destinationPort()]).to.deep.equal(['::1', 6]);
    d.setSender(QHostAddress.LocalHost);
    expect(d.senderPort()).to.equal(0);
  });

  it('setHopLimit / setInterfaceIndex', () => {
    const d = new QNetworkDatagram();
    d.setHopLimit(1);
    d.setInterfaceIndex(3);
    expect([d.hopLimit(), d.interfaceIndex()]).to.deep.equal([1, 3]);
  });

  it('clear() resets everything', () => {
    const d = new QNetworkDatagram('abc', QHostAddress.LocalHost, 1);
    d.setSender('10.0.0.1', 2);
    d.setHopLimit(3);
    d.setInterfaceIndex(4);
    d.clear();
    expect([d.data().length, d.isNull(), d.hopLimit(), d.interfaceIndex(), d.senderPort(), d.destinationPort()])
      .to.deep.equal([0, true, -1, 0, -1, -1]);
  });

  describe('#makeReply() (DG-4)', () => {
    function received(dest: string): QNetworkDatagram {
      return QNetworkDatagram.fromHeader(Buffer.from('ping'), {
        senderAddress: new QHostAddress('127.0.0.2'),
        senderPort: 4000,
        destinationAddress: new QHostAddress(dest),
        destinationPort: 5000,
        hopLimit: 64,
        ifindex: 1,
      });
    }

    it('addresses the reply to the sender, from the original destination', () => {
      const r = received('127.0.0.1').makeReply('pong');
      expect(r.data().toString()).to.equal('pong');
      expect([r.destinationAddress().toString(), r.destinationPort()]).to.deep.equal(['127.0.0.2', 4000]);
      expect([r.senderAddress().toString(), r.senderPort()]).to.deep.equal(['127.0.0.1', 5000]);
      expect([r.interfaceIndex(), r.hopLimit()]).to.deep.equal([1, -1]);
    });

    it('leaves the sender null when the original destination is multicast', () => {
      const r = received('239.255.43.21').makeReply(Buffer.from('pong'));
      expect(r.senderAddress().isNull()).to.equal(true);
      expect(r.senderPort()).to.equal(-1);
      expect(r.destinationAddress().toString()).to.equal('127.0.0.2');
    });

    it('copies an IPv6 destination (with scope) as the sender', () => {
      const r = received('::1%1').makeReply('x');
      expect(r.senderAddress().toString()).to.equal('::1%1');
    });
  });

  it('header() exposes the raw ports for sending (port kept while the address is null)', () => {
    const d = new QNetworkDatagram('x', new QHostAddress(), 0);
    const h = d.header();
    expect([h.destinationAddress.isNull(), h.destinationPort, h.hopLimit, h.ifindex]).to.deep.equal([true, 0, -1, 0]);
  });

  it('copy constructor and swap are independent of the original', () => {
    const a = new QNetworkDatagram('a', QHostAddress.LocalHost, 1);
    const b = new QNetworkDatagram(a);
    b.setDestination('10.0.0.1', 2);
    expect(a.destinationAddress().toString()).to.equal('127.0.0.1');
    const c = new QNetworkDatagram('c', QHostAddress.LocalHostIPv6, 3);
    a.swap(c);
    expect([a.data().toString(), c.data().toString(), a.destinationPort(), c.destinationPort()]).to.deep.equal(['c', 'a', 3, 1]);
  });

  it('rejects bad input with TypeError/RangeError naming the method, changing nothing', () => {
    const d = new QNetworkDatagram('a', QHostAddress.LocalHost, 1);
    expect(() => d.setDestination('localhost', 1)).to.throw(TypeError, 'QNetworkDatagram.setDestination: address "localhost" is not an IP address');
    expect(() => d.setDestination('::1', 70000)).to.throw(RangeError, /QNetworkDatagram\.setDestination: port must be an integer in 0\.\.65535, got 70000/);
    expect([d.destinationAddress().toString(), d.destinationPort()]).to.deep.equal(['127.0.0.1', 1]);
    expect(() => new QNetworkDatagram(42 as never)).to.throw(TypeError, /QNetworkDatagram: data/);
    expect(() => d.setDestination('::1', '7' as never)).to.throw(TypeError, /QNetworkDatagram\.setDestination: port must be an integer/);
    // PyQt5 5.15: QNetworkDatagram().setSender(QHostAddress.LocalHost, 1.5) raises TypeError
    expect(() => d.setSender('::1', 1.5)).to.throw(TypeError, 'QNetworkDatagram.setSender: port must be an integer in 0..65535, got 1.5');
    expect(() => new QNetworkDatagram('a', QHostAddress.LocalHost, NaN)).to.throw(TypeError, 'QNetworkDatagram: port must be an integer in 0..65535, got NaN');
    expect(() => d.setSender(5 as never)).to.throw(TypeError, /QNetworkDatagram\.setSender: address must be a QHostAddress or an IP address string, got 5/);
    expect(() => d.setHopLimit(1.5)).to.throw(TypeError);
    expect(() => d.setHopLimit(2 ** 40)).to.throw(RangeError, /QNetworkDatagram\.setHopLimit: count must be in -2147483648\.\.2147483647/);
    expect(d.hopLimit()).to.equal(-1);
    expect(() => d.setInterfaceIndex(-1)).to.throw(RangeError);
    // PyQt5 5.15: QNetworkDatagram().setInterfaceIndex(1.5) raises TypeError
    expect(() => d.setInterfaceIndex(1.5)).to.throw(TypeError, 'QNetworkDatagram.setInterfaceIndex: index must be an integer in 0..4294967295, got 1.5');
    expect(() => d.setInterfaceIndex('3' as never)).to.throw(TypeError, /QNetworkDatagram\.setInterfaceIndex: index/);
    expect(d.interfaceIndex()).to.equal(0);
  });
});
